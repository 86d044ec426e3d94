import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import type { Plugin } from 'vite';

/**
 * Loads the interface texts lazily, one language and one namespace at a time, instead of bundling
 * every namespace in all four languages into the first load (libs/shared/i18n/src/catalogues keeps
 * them side by side for review and for the server, which imports them statically).
 *
 * - `virtual:alliance-messages` exports `loadMessages(lng, ns)`, a dynamic import of a generated
 *   module holding that namespace in that language only (its own small chunk).
 * - Every web module that mentions `ns:` keys gets a `need([...])` call appended, so the namespaces
 *   it uses start loading when its chunk is evaluated; app/messages.ts lets the first render and the
 *   lazy pages wait for them (no flash of untranslated keys).
 * - app/i18n.ts imports `./i18n-instance` (all catalogues, synchronous: what Jest uses); the build
 *   swaps in `./i18n-instance.lazy` (i18next with a backend over `loadMessages`).
 */
export function messagesPlugin(options: { workspaceRoot: string }): Plugin[] {
  const cataloguesDir = resolve(options.workspaceRoot, 'libs/shared/i18n/src/catalogues');
  const webSrc = resolve(options.workspaceRoot, 'apps/web/src');
  const sharedLibs = resolve(options.workspaceRoot, 'libs/shared');
  const runtime = join(webSrc, 'app/messages.ts');
  const VIRTUAL = 'virtual:alliance-messages';
  const PREFIX = '\0alliance-messages';
  let catalogues: Record<string, Record<string, Record<string, string>>> | undefined;
  let namespacePattern: RegExp | undefined;

  /** Evaluates the TypeScript catalogues (plain object literals) in a sandbox, once per build. */
  function load(): Record<string, Record<string, Record<string, string>>> {
    if (catalogues) return catalogues;
    const cache = new Map<string, Record<string, unknown>>();
    const requireFrom = (file: string): Record<string, unknown> => {
      const cached = cache.get(file);
      if (cached) return cached;
      const module = { exports: {} as Record<string, unknown> };
      cache.set(file, module.exports);
      const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
      });
      const localRequire = (spec: string) => {
        if (!spec.startsWith('./')) throw new Error(`${file}: catalogues may import only sibling catalogues (found ${spec})`);
        return requireFrom(resolve(dirname(file), `${spec}.ts`));
      };
      vm.runInNewContext(`(function (exports, require, module) {${outputText}\n})`, {}, { filename: file })(module.exports, localRequire, module);
      cache.set(file, module.exports);
      return module.exports;
    };
    const index = requireFrom(join(cataloguesDir, 'index.ts'));
    catalogues = index.catalogues as Record<string, Record<string, Record<string, string>>>;
    namespacePattern = new RegExp(`["'\`](${Object.keys(catalogues).join('|')}):`, 'g');
    return catalogues;
  }

  const modules: Plugin = {
    name: 'alliance-messages',
    // Before Vite's resolver, so the build gets the lazy i18n instance and the generated modules.
    enforce: 'pre',
    buildStart() {
      catalogues = undefined;
      for (const file of readdirSync(cataloguesDir)) if (file.endsWith('.ts')) this.addWatchFile(join(cataloguesDir, file));
    },
    async resolveId(source, importer) {
      if (source === VIRTUAL) return PREFIX;
      if (source.startsWith(`${PREFIX}/`)) return source;
      if (source === './i18n-instance' && importer && resolve(importer) === join(webSrc, 'app/i18n.ts')) {
        return join(webSrc, 'app/i18n-instance.lazy.ts');
      }
      return null;
    },
    load(id) {
      if (id === PREFIX) {
        const all = load();
        const lines = ['const loaders = {'];
        for (const ns of Object.keys(all)) {
          const byLocale = Object.keys(all[ns]).map((lng) => `${JSON.stringify(lng)}: () => import(${JSON.stringify(`${PREFIX}/messages-${lng}-${ns}`)})`);
          lines.push(`  ${JSON.stringify(ns)}: { ${byLocale.join(', ')} },`);
        }
        lines.push('};');
        lines.push('export function loadMessages(lng, ns) {');
        lines.push('  const loader = loaders[ns]?.[lng];');
        lines.push('  return loader ? loader().then((m) => m.default) : Promise.reject(new Error(`no messages for ${lng}/${ns}`));');
        lines.push('}');
        return lines.join('\n');
      }
      if (id.startsWith(`${PREFIX}/`)) {
        // `messages-<lng>-<ns>`: also the chunk's file name.
        const [, lng, ns] = id.slice(PREFIX.length + 1).split('-');
        const texts = load()[ns]?.[lng];
        if (!texts) throw new Error(`no catalogue ${ns} in ${lng}`);
        // JSON.parse of a string literal is faster to parse than the same object literal.
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(texts))});`;
      }
      return null;
    },
  };
  const registration: Plugin = {
    name: 'alliance-messages-registration',
    // After the TypeScript/JSX transform: the appended code is plain JavaScript.
    enforce: 'post',
    transform(code, id) {
      if (id.startsWith('\0') || id.includes(`${sep}node_modules${sep}`) || id === runtime) return null;
      const file = id.split('?')[0];
      if (!(file.startsWith(webSrc) || file.startsWith(sharedLibs)) || file.startsWith(cataloguesDir) || /\.spec\.tsx?$/.test(file)) return null;
      load();
      const used = new Set<string>();
      for (const match of code.matchAll(namespacePattern as RegExp)) used.add(match[1]);
      if (!used.size) return null;
      // Appended, so the existing mappings stay valid (imports are hoisted anyway).
      return {
        code: `${code}\nimport { need as __needMessages } from ${JSON.stringify(runtime)};\n__needMessages(${JSON.stringify([...used].sort())});\n`,
        map: null,
      };
    },
  };
  return [modules, registration];
}
