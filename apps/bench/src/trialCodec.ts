/**
 * Trial outputs as JSON, bit for bit: a shard writes its trials' outputs to a file and the merge
 * reads them back, so typed arrays, -0, NaN and the infinities must survive the trip that
 * `JSON.stringify` alone loses.
 */

type Typed = Float64Array | Float32Array | Int32Array | Uint32Array | Uint8Array | Int8Array;
const TYPED: Readonly<Record<string, new (values: number[]) => Typed>> = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Uint8Array,
  Int8Array,
};

function encodeNumber(x: number): unknown {
  if (Number.isNaN(x)) return { $number: 'NaN' };
  if (x === Number.POSITIVE_INFINITY) return { $number: 'Infinity' };
  if (x === Number.NEGATIVE_INFINITY) return { $number: '-Infinity' };
  if (Object.is(x, -0)) return { $number: '-0' };
  return x;
}

/** A structured-cloneable trial output (numbers, strings, booleans, null, arrays, typed arrays, plain objects) as JSON data. */
export function encodeTrial(value: unknown, path = 'output'): unknown {
  if (typeof value === 'number') return encodeNumber(value);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value === undefined) return { $undefined: true };
  if (Array.isArray(value)) return value.map((v, i) => encodeTrial(v, `${path}[${i}]`));
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name;
    if (!(name in TYPED))
      throw new TypeError(`bench: ${path} is a ${name}, which shards cannot store`);
    return { $typed: name, values: Array.from(value as Typed, encodeNumber) };
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encodeTrial(v, `${path}.${k}`);
    return out;
  }
  throw new TypeError(
    `bench: ${path} (${String(value)}) is not plain data, which shards cannot store`,
  );
}

function decodeNumber(x: unknown): number {
  if (typeof x === 'number') return x;
  const tag = (x as { $number?: string }).$number;
  if (tag === 'NaN') return Number.NaN;
  if (tag === 'Infinity') return Number.POSITIVE_INFINITY;
  if (tag === '-Infinity') return Number.NEGATIVE_INFINITY;
  if (tag === '-0') return -0;
  throw new TypeError(`bench: not an encoded number: ${JSON.stringify(x)}`);
}

/** The inverse of {@link encodeTrial}. */
export function decodeTrial(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decodeTrial);
  const v = value as Record<string, unknown>;
  if ('$number' in v) return decodeNumber(v);
  if ('$undefined' in v) return undefined;
  if ('$typed' in v) {
    const make = TYPED[v.$typed as string];
    if (make === undefined) throw new TypeError(`bench: unknown typed array ${String(v.$typed)}`);
    return new make((v.values as unknown[]).map(decodeNumber));
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = decodeTrial(x);
  return out;
}
