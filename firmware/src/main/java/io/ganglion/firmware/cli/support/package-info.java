/** What every CLI command shares: summaries and --json, progress bars, all-or-nothing output files. */
package io.ganglion.firmware.cli.support;
