// Bulk loading helpers for seed-scale: COPY FROM STDIN (text format) fed by a row generator, and
// deterministic ids. COPY keeps every constraint, index and trigger of the table in force.
const { Readable } = require('node:stream');
const { pipeline } = require('node:stream/promises');
const { from: copyFrom } = require('pg-copy-streams');

const ESCAPES = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A PostgreSQL array literal (elements quoted, so any text is safe). */
function pgArray(list) {
  return `{${list.map((x) => (x === null || x === undefined ? 'NULL' : `"${String(x).replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
}

/** One value in COPY text format. */
function field(v) {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return field(pgArray(v));
  if (typeof v === 'object') return field(JSON.stringify(v));
  return String(v).replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]);
}

/**
 * COPYs the rows an iterable yields (arrays in `columns` order) into `table` on `client`.
 * `onRows(n)` is called as chunks are handed to the server (for the progress bar). Returns the count.
 */
async function copyRows(client, table, columns, rows, onRows = () => undefined) {
  let count = 0;
  function* chunks() {
    let buf = [];
    for (const row of rows) {
      buf.push(row.map(field).join('\t'));
      if (buf.length === 2000) {
        count += buf.length;
        onRows(buf.length);
        yield `${buf.join('\n')}\n`;
        buf = [];
      }
    }
    if (buf.length) {
      count += buf.length;
      onRows(buf.length);
      yield `${buf.join('\n')}\n`;
    }
  }
  const stream = client.query(copyFrom(`COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks(), { objectMode: false }), stream);
  return count;
}

// ---------------------------------------------------------------- determinism

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const api = {
    rand,
    int: (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(rand() * list.length)],
    chance: (p) => rand() < p,
    weighted(list) {
      const total = list.reduce((s, x) => s + x.w, 0);
      let r = rand() * total;
      for (const x of list) if ((r -= x.w) < 0) return x;
      return list[list.length - 1];
    },
    /** `n` distinct entries of `list` (partial Fisher-Yates on a copy). */
    sample(list, n) {
      const copy = [...list];
      const out = [];
      for (let i = 0; i < n && i < copy.length; i++) {
        const j = i + Math.floor(rand() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j], copy[i]];
        out.push(copy[i]);
      }
      return out;
    },
  };
  return api;
}

/** A 32-bit bijection (so distinct inputs give distinct outputs). */
function mix32(x) {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}
const hex8 = (n) => n.toString(16).padStart(8, '0');

/**
 * The id of row `index` of a kind (a small number per table): a v4-shaped uuid, the same on every
 * run, computable without storing it (enrolments refer to users by index). The first word is a
 * bijection of the index, so ids of one kind never collide.
 */
function idOf(kind, index) {
  const w0 = mix32((index ^ Math.imul(kind, 0x9e3779b9)) >>> 0);
  const w1 = mix32((index + Math.imul(kind + 1, 0x85ebca6b)) >>> 0);
  const w2 = mix32((index * 3 + Math.imul(kind + 7, 0xc2b2ae35)) >>> 0);
  const w3 = mix32((w0 ^ w2 ^ kind) >>> 0);
  const b = hex8(w1);
  const c = hex8(w2);
  const variant = ((parseInt(c[0], 16) & 0x3) | 0x8).toString(16);
  return `${hex8(w0)}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${hex8(w3)}`;
}

module.exports = { copyRows, field, pgArray, prng, idOf };
