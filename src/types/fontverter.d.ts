// fontverter ships no types; this is the part of its API nianbao uses.
declare module 'fontverter' {
  export function convert(font: Buffer | Uint8Array, to: 'truetype' | 'sfnt' | 'woff' | 'woff2'): Promise<Buffer>;
  export function detectFormat(font: Buffer | Uint8Array): 'truetype' | 'sfnt' | 'woff' | 'woff2';
}
