// Small formats that several parts of the payload share.

// Royal Mail's delivery point identifier: capital letters and digits only.
export function isDeliveryPointIdentifier (value: string): boolean {
  return /^[A-Z0-9]+$/.test(value)
}

// A UK tax year as Kraken writes it, "2018/19": the second part is the
// year after the first, in two digits.
export function isTaxYear (value: string): boolean {
  const match = /^(\d{4})\/(\d{2})$/.exec(value)
  if (match === null) return false
  const next = (Number(match[1]) + 1) % 100
  return Number(match[2]) === next
}
