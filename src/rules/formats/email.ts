// Email address checks Kraken applies on top of the address format, which
// field validation has already enforced.

const TEST_PREFIXES = ['test@', 'xxx@']
const TEST_SUFFIXES = ['@test.com', '@test.co.uk', '.xxx', '.xx']

// Addresses a migration should never carry over: placeholders that an old
// system used where the customer's address was unknown.
export function isPossibleTestEmail (value: string): boolean {
  const email = value.trim().toLowerCase()
  return TEST_PREFIXES.some(prefix => email.startsWith(prefix)) ||
    TEST_SUFFIXES.some(suffix => email.endsWith(suffix))
}

// Whether the address is one the Kraken instance itself receives mail on;
// addresses compare without regard to case.
export function isInternalEmail (value: string,
  internal: readonly string[]): boolean {
  const email = value.trim().toLowerCase()
  return internal.some(address => address.toLowerCase() === email)
}
