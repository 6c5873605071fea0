import { flatMap } from '../readers.js'
import type { Rule, RuleContext, RuleFinding } from '../types.js'
import { type Obj, fieldRule, finding, list, objectRule, text } from './data.js'
import { asDate, today } from './dates.js'
import { isActiveMeter } from './meter-points.js'

// Rules about one meter: its serial number, smart and prepay details, and
// registers and readings that must agree with each other.

// Industry serial formats: an electricity meter id (J0004) is up to 10
// characters, a gas meter serial up to 14, letters and digits only.
const SERIALS: Record<string, RegExp> = {
  ElectricityMeter: /^[A-Z0-9]{1,10}$/i,
  GasMeter: /^[A-Z0-9]{1,14}$/i
}

// A smart meter's device id is an EUI-64: 16 hex digits, often written in
// pairs separated by dashes or colons.
const DEVICE_ID = /^[0-9A-F]{2}(?:[-:]?[0-9A-F]{2}){7}$/i

function checkSerial (component: string) {
  return (value: unknown): RuleFinding[] => {
    if (typeof value !== 'string') return []
    if (value.trim() === '') {
      return [finding('blank', 'This field may not be blank.')]
    }
    if (SERIALS[component]?.test(value) === true) return []
    return [finding('invalid_meter_serial_number',
      `"${value}" is not a meter serial number in the industry format.`)]
  }
}

function isSmart (meter: Obj): boolean {
  const type = text(meter, 'smart_type')
  return type !== undefined && type !== 'NONE'
}

function checkSmartDetails (meter: Obj): RuleFinding[] {
  if (isSmart(meter)) return []
  return ['smart_commissioned_on', 'smart_device_id']
    .filter(field => text(meter, field) !== undefined)
    .map(field => finding('smart_details_provided_for_non_smart_meter',
      `${field} is only for smart meters; smart_type says this is not one.`,
      field))
}

function checkPrepayDetails (meter: Obj): RuleFinding[] {
  if (meter.is_prepay === true) return []
  const given = [
    meter.prepay_details !== undefined && meter.prepay_details !== null
      ? 'prepay_details'
      : undefined,
    text(meter, 'prepay_customer_reference_number') !== undefined
      ? 'prepay_customer_reference_number'
      : undefined
  ].filter((field): field is string => field !== undefined)
  return given.map(field => finding('prepay_details_on_non_prepay_meter',
    `${field} is only for prepay meters; is_prepay is not true.`, field))
}

function checkReferenceNumberGiven (meter: Obj): RuleFinding[] {
  if (meter.is_prepay !== true || !isActiveMeter(meter)) return []
  if (text(meter, 'prepay_customer_reference_number') !== undefined) return []
  return [finding('electricity_prepay_meter_without_customer_reference_number',
    'An electricity prepay meter on the wall needs its customer reference ' +
    'number.', 'prepay_customer_reference_number')]
}

function checkReferenceNumber (value: unknown): RuleFinding[] {
  if (typeof value !== 'string' || value === '') return []
  if (/^[+-]?\d+$/.test(value.replace(/\s/g, ''))) return []
  return [finding('invalid_prepay_customer_reference_number',
    `"${value}" is not a whole number.`)]
}

// Readings name the register they were read from; it must be one of the
// meter's own.
function readingRegisters (field: string, missing: string, unknown: string) {
  return (meter: Obj): RuleFinding[] => {
    const ids = new Set(list(meter.registers)
      .map(register => text(register, 'register_id')))
    return flatMap(list(meter[field]), (reading, index) => {
      const id = text(reading, 'register_id')
      const at = `${field}.${index}.register_id`
      if (id === undefined) {
        return [finding(missing, 'The reading must name its register.', at)]
      }
      if (ids.has(id)) return []
      return [finding(unknown, `The meter has no register "${id}".`, at)]
    })
  }
}

function isPairedTpr (tpr: string): boolean {
  const number = Number(tpr)
  return /^\d{5}$/.test(tpr) && number >= 1201 && number <= 1229 &&
    number % 2 === 1
}

function checkRegisterTprs (value: unknown): RuleFinding[] {
  const counts = new Map<string, number>()
  return flatMap(list(value), (register, index) => {
    const tpr = text(register, 'tpr')
    if (tpr === undefined) return []
    const count = (counts.get(tpr) ?? 0) + 1
    counts.set(tpr, count)
    if (count === 1 || (count === 2 && isPairedTpr(tpr))) return []
    return [finding('registers_have_duplicate_tprs',
      `Another register of the meter already has TPR ${tpr}.`,
      `${index}.tpr`)]
  })
}

function checkCommissionDate (value: unknown, _owner: Obj,
  ctx: RuleContext): RuleFinding[] {
  const date = asDate(value)
  const now = today(ctx)
  if (date === undefined || date <= now) return []
  return [finding('future_smart_meter_commission_date',
    `${date} is in the future (today is ${now}).`)]
}

function checkDeviceId (value: unknown): RuleFinding[] {
  if (typeof value !== 'string' || value === '') return []
  if (DEVICE_ID.test(value)) return []
  return [finding('invalid_smart_device_id',
    `"${value}" is not a device id (16 hex digits).`)]
}

const METERS = ['ElectricityMeter', 'GasMeter']

export const meterRules: Rule[] = [
  ...flatMap(METERS, component => [
    fieldRule(component, 'meter_serial_number',
      ['blank', 'invalid_meter_serial_number'],
      checkSerial(component)),
    objectRule(component, ['smart_details_provided_for_non_smart_meter'],
      checkSmartDetails),
    objectRule(component, ['prepay_details_on_non_prepay_meter'],
      checkPrepayDetails),
    fieldRule(component, 'smart_commissioned_on',
      ['future_smart_meter_commission_date'], checkCommissionDate),
    fieldRule(component, 'smart_device_id', ['invalid_smart_device_id'],
      checkDeviceId)
  ]),
  objectRule('ElectricityMeter',
    ['electricity_prepay_meter_without_customer_reference_number'],
    checkReferenceNumberGiven),
  fieldRule('ElectricityMeter', 'prepay_customer_reference_number',
    ['invalid_prepay_customer_reference_number'], checkReferenceNumber),
  objectRule('ElectricityMeter',
    ['reading_register_id_not_recognised', 'reading_without_register_id'],
    readingRegisters('transfer_readings', 'reading_without_register_id',
      'reading_register_id_not_recognised')),
  objectRule('ElectricityMeter',
    ['historical_reading_register_id_not_recognised',
      'no_register_id_for_reading'],
    readingRegisters('reading_history', 'no_register_id_for_reading',
      'historical_reading_register_id_not_recognised')),
  fieldRule('ElectricityMeter', 'registers', ['registers_have_duplicate_tprs'],
    checkRegisterTprs)
]
