/** The {@code ganglion motion} command group: DVS simulation (and the motion detector's commands). */
package io.ganglion.firmware.cli.motion;
