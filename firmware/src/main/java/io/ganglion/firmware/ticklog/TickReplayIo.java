package io.ganglion.firmware.ticklog;

import io.ganglion.drivers.encoder.EncoderIO;
import io.ganglion.drivers.encoder.EncoderInputs;
import io.ganglion.drivers.gpio.EStopIO;
import io.ganglion.drivers.gpio.EStopInputs;
import io.ganglion.drivers.imu.ImuIO;
import io.ganglion.drivers.imu.ImuInputs;
import io.ganglion.drivers.servo.ServoIO;
import io.ganglion.drivers.servo.ServoInputs;
import io.ganglion.firmware.inputs.InputsCodec;
import java.nio.ByteBuffer;

/**
 * The IO seams of a replay: each read returns the next recorded inputs of its device; each output
 * write is compared, bit for bit, with the next recorded write.
 */
final class TickReplayIo {

  private final TickCursor cursor;
  private final double[] words = new double[8 * 1024];
  long outputsCompared;
  long outputMismatches;
  String firstMismatch;

  TickReplayIo(TickCursor cursor) {
    this.cursor = cursor;
  }

  private void read(String device, InputsCodec codec, Object inputs) {
    ByteBuffer b = cursor.take(TickTopics.IN + device);
    int n = b.remaining() / 8;
    if (n != codec.words()) {
      throw new TickCursor.Divergence("record of " + device + " has " + n + " words; this firmware's "
          + codec.layout() + " has " + codec.words());
    }
    for (int i = 0; i < n; i++) {
      words[i] = Double.longBitsToDouble(b.getLong());
    }
    codec.unpack(words, 0, inputs);
  }

  private void output(int mode, double[] commands) {
    long at = cursor.position();
    ByteBuffer b = cursor.take(TickTopics.OUT_SERVO);
    outputsCompared++;
    int recordedMode = b.get();
    boolean same = recordedMode == mode;
    if (same && mode == TickTopics.APPLY) {
      same = b.remaining() == 8 * commands.length;
      for (int i = 0; same && i < commands.length; i++) {
        same = b.getLong() == Double.doubleToRawLongBits(commands[i]);
      }
    }
    if (!same) {
      outputMismatches++;
      if (firstMismatch == null) {
        firstMismatch = "record " + at + ": the replay wrote mode " + mode
            + (commands == null ? "" : " " + java.util.Arrays.toString(commands)) + ", the run mode " + recordedMode;
      }
    }
  }

  EncoderIO encoder(int joint) {
    InputsCodec codec = InputsCodec.forInstance(new EncoderInputs());
    String device = "enc" + joint;
    return inputs -> read(device, codec, inputs);
  }

  ImuIO imu() {
    InputsCodec codec = InputsCodec.forInstance(new ImuInputs());
    return inputs -> read("imu", codec, inputs);
  }

  EStopIO estop() {
    InputsCodec codec = InputsCodec.forInstance(new EStopInputs());
    return inputs -> read("estop", codec, inputs);
  }

  ServoIO servo(int channels) {
    InputsCodec codec = InputsCodec.forInstance(new ServoInputs(channels));
    return new ServoIO() {
      @Override
      public int channelCount() {
        return channels;
      }

      @Override
      public void updateInputs(ServoInputs inputs) {
        read("servo", codec, inputs);
      }

      @Override
      public void apply(double[] commands) {
        output(TickTopics.APPLY, commands);
      }

      @Override
      public void applySafe() {
        output(TickTopics.SAFE, null);
      }

      @Override
      public void disableAll() {
        output(TickTopics.DISABLE, null);
      }
    };
  }
}
