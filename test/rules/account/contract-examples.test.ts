import { test } from 'tap'
import { accountRules } from '../../../src/rules/account/index.js'
import { operations } from '../../helpers/contract.js'
import { appWith, checkComponent, exampleAccount } from './helpers.js'

const ACCOUNT_CODES = new Set(accountRules.flatMap(rule => rule.codes))

// The v2 examples leave out the `payload` wrapper their schemas need.
const WRAPPED = new Set(['ValidateAccount', 'ScheduleAccountCreation'])

test('the contract\'s request examples break no account rule', async t => {
  const app = await appWith(t)
  for (const op of operations) {
    const schema = op.request?.schema
    if (typeof schema !== 'string') continue
    for (const [name, example] of Object.entries(op.request?.examples ?? {})) {
      let body = structuredClone(example) as Record<string, unknown>
      if (WRAPPED.has(schema)) {
        // The account example's dunning path starts in 2020, now past.
        body = { payload: { ...body, dunning_path: exampleAccount().dunning_path } }
      }
      const broken = checkComponent(app, schema, body)
        .filter(problem => ACCOUNT_CODES.has(problem.code))
      t.same(broken, [], `${op.method} ${op.path} ${name}`)
    }
  }
})
