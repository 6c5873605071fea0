import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// The same code runs from src/ (tsx, tests) and from dist/src/ (the image),
// so the project root is found by walking up to package.json.
function findProjectRoot (start: string): string {
  let dir = start
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error('package.json not found above ' + start)
    dir = parent
  }
  return dir
}

export const projectRoot = findProjectRoot(
  dirname(fileURLToPath(import.meta.url))
)

export function fromRoot (...parts: string[]): string {
  return join(projectRoot, ...parts)
}
