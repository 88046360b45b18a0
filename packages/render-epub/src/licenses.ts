/** Known licences: a human name and where to read it. Others are printed as given. */
const known: Record<string, { name: string; url: string }> = {
  'CC-BY-4.0': { name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)', url: 'https://creativecommons.org/licenses/by/4.0/' },
  'CC-BY-SA-4.0': { name: 'Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  'CC0-1.0': { name: 'CC0 1.0 Universal', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  MIT: { name: 'MIT License', url: 'https://opensource.org/license/mit' },
  'Apache-2.0': { name: 'Apache License 2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
};

/** A licence identifier (SPDX) as a name and, where known, a link. */
export function describeLicense(id: string): { name: string; url?: string } {
  return known[id] ?? { name: id };
}
