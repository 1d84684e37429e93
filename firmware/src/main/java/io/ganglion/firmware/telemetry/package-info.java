/**
 * The firmware's MQTT side: adapts the runtime's seams (the telemetry tap, the failsafe's event
 * sink, the arm/disarm requests and the laws' setpoints) to the telemetry module's publisher and
 * signed-command receiver. The telemetry module never imports the firmware; this package does the
 * wiring.
 */
package io.ganglion.firmware.telemetry;
