// Just enough multibase/multicodec to read an Ed25519 secret key given as `secretKeyMultibase`
// (base58-btc, 'z' prefix, multicodec ed25519-priv 0x1300), so a configured key needs no public half.
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const ED25519_PRIV_HEADER = [0x80, 0x26];

function decodeBase58(text: string): Uint8Array {
  let value = 0n;
  for (const char of text) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) throw new Error(`invalid base58 character "${char}"`);
    value = value * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.unshift(Number(value & 0xffn));
    value >>= 8n;
  }
  for (const char of text) {
    if (char !== '1') break;
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}

/** The 32-byte Ed25519 seed inside a secretKeyMultibase (also accepts the legacy seed+public form). */
export function ed25519SeedFromSecretMultibase(secretKeyMultibase: string): Uint8Array {
  if (!secretKeyMultibase.startsWith('z')) throw new Error('the secret key must be base58-btc multibase (starting with "z")');
  const bytes = decodeBase58(secretKeyMultibase.slice(1));
  if (bytes[0] !== ED25519_PRIV_HEADER[0] || bytes[1] !== ED25519_PRIV_HEADER[1]) throw new Error('the secret key is not an Ed25519 secret key (multicodec 0x1300)');
  const key = bytes.subarray(2);
  if (key.length !== 32 && key.length !== 64) throw new Error(`the Ed25519 secret key has ${key.length} bytes, expected 32`);
  return key.slice(0, 32);
}
