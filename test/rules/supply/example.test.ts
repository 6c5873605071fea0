import t from 'tap'
import { exampleAccount, supplyApp, validate } from './helpers.js'

t.test('the contract example passes every supply rule', async t => {
  const app = await supplyApp(t)
  t.same((await validate(app, exampleAccount())).problems, [])
})
