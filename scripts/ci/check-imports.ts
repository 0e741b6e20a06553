/**
 * Fails when code imports a package that package.json does not declare. Such an import works only
 * while another package happens to pull it in, and breaks on the day that package stops doing so.
 * A type-only import is satisfied by the package itself or by its `@types/` package.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOTS = ['src', 'test', 'scripts', 'tools', 'ormconfig.ts'];
const IMPORT =
  /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/gm;

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const declared = new Set([
  ...Object.keys(manifest.dependencies ?? {}),
  ...Object.keys(manifest.devDependencies ?? {}),
]);
const builtins = new Set(builtinModules);

function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return builtins.has(name) ? null : name;
}

function typesPackageOf(name: string): string {
  return name.startsWith('@') ? `@types/${name.slice(1).replace('/', '__')}` : `@types/${name}`;
}

function* sourceFiles(path: string): Generator<string> {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return;
  }
  if (stats.isFile()) {
    if (/\.(ts|js|mjs|cjs)$/.test(path)) yield path;
    return;
  }
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    yield* sourceFiles(join(path, entry));
  }
}

/**
 * The product (src/) never loads the development tools statically: the synthetic seeder under tools/
 * is imported dynamically, and only by the zero-configuration start that seeds an empty database.
 */
function reachesIntoTools(file: string, specifier: string): boolean {
  if (!file.startsWith(`src${sep}`) || !specifier.startsWith('.')) return false;
  return relative('.', resolve(dirname(file), specifier)).split(sep)[0] === 'tools';
}

const problems: string[] = [];
for (const root of ROOTS) {
  for (const file of sourceFiles(root)) {
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (reachesIntoTools(file, match[3] ?? match[4]))
        problems.push(`${file}: imports '${match[3] ?? match[4]}' from tools/; load it dynamically`);
      const typeOnly = Boolean(match[2]);
      const name = packageOf(match[3] ?? match[4]);
      if (!name || declared.has(name)) continue;
      if (typeOnly && declared.has(typesPackageOf(name))) continue;
      problems.push(`${file}: imports '${name}', which package.json does not declare`);
    }
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('Every imported package is declared in package.json; src/ does not import tools/ statically.');
