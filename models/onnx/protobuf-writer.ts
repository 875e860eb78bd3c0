/**
 * The few protobuf encodings an ONNX ModelProto needs (https://protobuf.dev/programming-guides/encoding/):
 * varints, length-delimited fields (strings, bytes, sub-messages, packed repeated scalars) and
 * 32-bit floats. Written here instead of adding protobufjs + onnx.proto for one message type.
 */
const VARINT = 0;
const LENGTH_DELIMITED = 2;
const FIXED32 = 5;

const utf8 = new TextEncoder();

export class ProtobufWriter {
  private bytes = new Uint8Array(256);
  private length = 0;

  /** The encoded message (a copy of exactly the bytes written). */
  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  /** A non-negative integer field (int32, int64, enum, bool) as a varint. */
  varintField(field: number, value: number): this {
    this.tag(field, VARINT);
    this.varint(value);
    return this;
  }

  stringField(field: number, value: string): this {
    return this.bytesField(field, utf8.encode(value));
  }

  bytesField(field: number, value: Uint8Array): this {
    this.tag(field, LENGTH_DELIMITED);
    this.varint(value.length);
    this.raw(value);
    return this;
  }

  /** A float field (wire type 5, little-endian IEEE 754 single). */
  floatField(field: number, value: number): this {
    this.tag(field, FIXED32);
    this.float32(value);
    return this;
  }

  /** A sub-message, written by `write` into its own writer, then length-prefixed here. */
  messageField(field: number, write: (message: ProtobufWriter) => void): this {
    const message = new ProtobufWriter();
    write(message);
    return this.bytesField(field, message.finish());
  }

  /** A packed repeated varint field (ONNX ints, int64 dims); proto2 parsers accept packed too. */
  packedVarints(field: number, values: ArrayLike<number>): this {
    const packed = new ProtobufWriter();
    for (let i = 0; i < values.length; i++) packed.varint(values[i]);
    return this.bytesField(field, packed.finish());
  }

  /** A packed repeated float field (ONNX floats, float_data). */
  packedFloats(field: number, values: ArrayLike<number>): this {
    const packed = new Uint8Array(values.length * 4);
    const view = new DataView(packed.buffer);
    for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
    return this.bytesField(field, packed);
  }

  private tag(field: number, wireType: number): void {
    this.varint(field * 8 + wireType);
  }

  private varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`A protobuf varint here must be a non-negative safe integer, got ${value}.`);
    }
    this.reserve(10);
    // Arithmetic rather than bit operators: values may exceed 2^31.
    while (value >= 0x80) {
      this.bytes[this.length++] = (value % 0x80) | 0x80;
      value = Math.floor(value / 0x80);
    }
    this.bytes[this.length++] = value;
  }

  private float32(value: number): void {
    this.reserve(4);
    new DataView(this.bytes.buffer).setFloat32(this.length, value, true);
    this.length += 4;
  }

  private raw(value: Uint8Array): void {
    this.reserve(value.length);
    this.bytes.set(value, this.length);
    this.length += value.length;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}
