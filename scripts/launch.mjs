// `npm run serve | start | sample-data`: runs the built command, building first only when build/ is missing
// or older than the sources. Starting the built app takes well under a second; rebuilding everything at each
// start took seven, and needed the development tools on the clinic's machine.
//
// Plain Node, no dependencies: on a machine with production dependencies only (`npm ci --omit=dev`) and a
// build/ folder made elsewhere, it just runs that build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildState, NEEDS, PARTS } from './build-freshness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [command, ...args] = process.argv.slice(2);
if (!(command in NEEDS)) {
  console.error(`Usage: node scripts/launch.mjs ${Object.keys(NEEDS).join('|')} [arguments for the command]`);
  process.exit(2);
}

const toBuild = buildState(root, NEEDS[command]).filter((p) => p.state !== 'fresh');
if (toBuild.length > 0) {
  if (buildToolsInstalled()) {
    build(toBuild);
  } else if (toBuild.some((p) => p.state === 'missing')) {
    console.error(
      [
        'ROMtrack has not been built on this computer, and the tools that build it are not installed',
        '(only the production dependencies are: npm ci --omit=dev). Either:',
        '  - copy the build folder made by "npm run build" on another computer, for this same version, into this folder; or',
        '  - install everything and build once:  npm ci  then  npm run build',
        `Then run "npm run ${command}" again.`,
      ].join('\n'),
    );
    process.exit(1);
  } else {
    // A copied build next to unpacked sources often looks older than them; without the tools, run what is there.
    console.warn(`Note: ${toBuild[0].newer} is newer than build/, but the build tools are not installed, so the existing build runs.`);
  }
}

// Run the command in this process: a second Node start would cost time, and Ctrl+C reaches it directly.
const entry = join(root, 'build', 'node', 'electron', 'cli', `${command}.js`);
process.argv = [process.argv[0], entry, ...args];
createRequire(import.meta.url)(entry);

/**
 * Both are devDependencies, present after `npm ci`. After `npm ci --omit=dev` vite is absent (typescript may be
 * there, as react-i18next's peer), so both are asked for.
 */
function buildToolsInstalled() {
  return ['typescript', 'vite'].every((pkg) => existsSync(join(root, 'node_modules', pkg, 'package.json')));
}

function build(parts) {
  const why = parts.map((p) => (p.state === 'missing' ? `${p.part}: not built yet` : `${p.part}: ${p.newer} changed`)).join('; ');
  console.log(`Building first (${why}).`);
  for (const { part } of parts) {
    const script = PARTS[part].script;
    // npm_execpath is npm's own script when run through npm: calling it with this Node works on Windows too,
    // where spawning "npm" needs a shell.
    const npm = process.env.npm_execpath;
    const result = npm
      ? spawnSync(process.execPath, [npm, 'run', '--silent', script], { cwd: root, stdio: 'inherit' })
      : spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (result.status !== 0) {
      console.error(`"npm run ${script}" failed (see above), so ROMtrack was not started. Fix the error, or run "npm run build" to see it again.`);
      process.exit(result.status ?? 1);
    }
  }
}
