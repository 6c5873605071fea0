// Turns Kraken's published OpenAPI contract into the JSON Schemas the mock
// validates with (schemas/<market>/). Facts are kept (names, types, limits,
// enums, error codes, example values); prose is dropped.
//
//   npm run schemas                   reads ../shared/reference (default)
//   npm run schemas -- --contract F   reads another copy of the contract
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { fromRoot } from '../src/lib/paths.js'
import { convertContract } from './contract/convert.js'
import { parseContractYaml } from './contract/yaml.js'

const { values } = parseArgs({
  options: {
    contract: {
      type: 'string',
      default: fromRoot('..', 'shared', 'reference',
        'kraken-gb-data-import.openapi.yml')
    },
    out: { type: 'string', default: fromRoot('schemas', 'gb') }
  }
})

const contract = parseContractYaml(readFileSync(values.contract, 'utf8'))
const files = convertContract(contract)

rmSync(values.out, { recursive: true, force: true })
for (const [name, content] of files) {
  const target = join(values.out, name)
  mkdirSync(join(target, '..'), { recursive: true })
  writeFileSync(target, content)
}
process.stdout.write(`wrote ${files.size} files to ${values.out}\n`)
