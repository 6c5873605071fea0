// Codes in the account share of the contract's catalogue that the mock
// cannot check, each with the reason a partner reads in the coverage
// report.
export const accountNotChecked: Record<string, string> = {
  incomplete_payments_not_enabled:
    'The contract gives this PaymentInstruction rule neither a name nor a ' +
    'description, and no field of a payment instruction says what an ' +
    'incomplete payment is, so there is nothing the mock could compare.'
}
