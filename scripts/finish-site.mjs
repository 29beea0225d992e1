// The last two steps of `scripts/build-site.sh`, as cargo-leptos 0.3.10 does them
// in a release build with `hash-files` (its src/compile/front.rs and hash.rs):
//  1. minify the wasm-bindgen JS with swc (compress, mangle, as a module): the
//     minifier and options cargo-leptos uses, from npm (a newer swc: its output
//     differs in a few places and was 6 bytes smaller on 26,859);
//  2. name every file under the pkg dir by its content, `stem.HASH.ext`, HASH
//     being the MD5 of the file in unpadded base64url (22 characters), then
//     write `js: H`, `wasm: H`, `css: H` lines to the hash file beside the
//     server binary, where Leptos' HydrationScripts and HashedStylesheet read
//     them (and server/src/routes/assets.rs looks for the file).
// Usage: node scripts/finish-site.mjs SITE_PKG_DIR OUTPUT_NAME HASH_FILE
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const [pkgDir, outputName, hashFile] = process.argv.slice(2);
if (!hashFile) {
  console.error('usage: finish-site.mjs SITE_PKG_DIR OUTPUT_NAME HASH_FILE');
  process.exit(2);
}
// @swc/core is an npm package of end2end/ (installed by scripts/setup.sh).
const require = createRequire(new URL('../end2end/package.json', import.meta.url));
const swc = require('@swc/core');

const jsFile = path.join(pkgDir, `${outputName}.js`);
const wasmFile = path.join(pkgDir, `${outputName}.wasm`);
const cssFile = path.join(pkgDir, `${outputName}.css`);

// 1. cargo-leptos: JsMinifyOptions { compress: true, mangle: true, module: true }.
const minified = swc.minifySync(fs.readFileSync(jsFile, 'utf8'), {
  compress: true,
  mangle: true,
  module: true,
});
fs.writeFileSync(jsFile, minified.code);

// 2. Every file under pkg except other CSS files and wasm-bindgen snippets
// (the wasm imports those by their plain names).
const md5 = (file) => createHash('md5').update(fs.readFileSync(file)).digest('base64url');
const hashes = new Map();
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      walk(file);
      continue;
    }
    if (path.extname(file) === '.css' && file !== cssFile) continue;
    if (file.includes('snippets')) continue;
    const hash = md5(file);
    if (path.parse(file).name === hash) continue;
    hashes.set(file, hash);
  }
};
walk(pkgDir);

const renamed = new Map();
for (const [file, hash] of hashes) {
  const { dir, name, ext } = path.parse(file);
  const to = path.join(dir, `${name}.${hash}${ext}`);
  fs.renameSync(file, to);
  renamed.set(file, to);
}

// The JS loader's references to renamed files take the new names.
const loader = renamed.get(jsFile);
let text = fs.readFileSync(loader, 'utf8');
for (const [from, to] of renamed) {
  text = text.replaceAll(path.relative(pkgDir, from), path.relative(pkgDir, to));
}
fs.writeFileSync(loader, text);

fs.mkdirSync(path.dirname(hashFile), { recursive: true });
fs.writeFileSync(
  hashFile,
  `js: ${hashes.get(jsFile)}\nwasm: ${hashes.get(wasmFile)}\ncss: ${hashes.get(cssFile)}\n`,
);
console.log(`finish-site: ${renamed.size} names hashed in ${pkgDir}, ${hashFile} written`);
