import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import ts from 'typescript'
import { fromRoot } from '../src/lib/paths.js'

// Compiles what the bench runs as plain node processes: the mock (the
// project's own build), the baseline and the store loader (transpiled on
// their own, so that no TypeScript loader is charged to their start-up).
export function buildForBench (): string[] {
  const warnings: string[] = []
  const tsc = spawnSync(process.execPath,
    [fromRoot('node_modules', 'typescript', 'bin', 'tsc'),
      '-p', fromRoot('tsconfig.build.json')],
    { cwd: fromRoot(), encoding: 'utf8' })
  if (tsc.status !== 0) {
    // tsc still emits on type errors; say so, as the build may be mid-edit.
    warnings.push(`npm run build reported errors:\n${tsc.stdout.trim()}`)
  }

  // dist/bench/store-server.js imports the build as ../src/*.js.
  mkdirSync(fromRoot('dist', 'bench'), { recursive: true })
  for (const name of ['baseline', 'store-server']) {
    const source = readFileSync(fromRoot('bench', `${name}.ts`), 'utf8')
    const output = ts.transpileModule(source, {
      compilerOptions: {
        module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022
      }
    })
    writeFileSync(fromRoot('dist', 'bench', `${name}.js`), output.outputText)
  }
  return warnings
}
