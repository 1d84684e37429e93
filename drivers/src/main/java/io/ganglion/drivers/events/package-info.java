/**
 * Event-camera input: the event record ({@link io.ganglion.drivers.events.Event}, and its
 * allocation-free struct-of-arrays form {@link io.ganglion.drivers.events.EventBuffer}), streaming
 * readers and writers for Prophesee EVT 2.0, iniVation AEDAT 2.0, RPG text and N-MNIST files
 * ({@link io.ganglion.drivers.events.EventFiles}), and the {@link
 * io.ganglion.drivers.events.EventSourceIO} seam with file-replay, TCP and UDP implementations.
 *
 * <p>Coordinates follow the image convention: origin at the top-left pixel, x to the right, y down.
 * Timestamps are microseconds in the source's own time base. See docs/events.md.
 */
package io.ganglion.drivers.events;
