package io.ganglion.telemetry.command;

/** The signed command example of docs/telemetry.md (key 000102...1f, ts 1700000000000); signature computed with openssl. */
final class CommandExample {
  static final String PAYLOAD = "{\"v\":1,\"board\":\"b1\",\"verb\":\"arm\",\"ts_ms\":1700000000000,\"nonce\":\"3f9a0c2e71b84d56\",\"args\":{}}\n"
      + "hmac-sha256=e1b16653c4b84bfa86c9d0ad31fb94dfc6c21f1b91cda3312a3cb83dc5660488";

  private CommandExample() {}
}
