package io.ganglion.firmware.cli.motion;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ganglion motion}: event-camera motion: simulated DVS movies (and the motion detector). */
@Command(
    name = "motion",
    mixinStandardHelpOptions = true,
    versionProvider = io.ganglion.firmware.cli.support.VersionProvider.class,
    description = "Event-camera motion: simulate DVS movies of moving textures (docs/dvs-simulator.md), train and run the motion detector (docs/motion.md).",
    subcommands = {MotionSimulateCommand.class, MotionTrainCommand.class, MotionDetectCommand.class, MotionLiveCommand.class, MotionResultsCommand.class})
public final class MotionCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing motion command: choose one of " + spec.subcommands().keySet());
  }
}
