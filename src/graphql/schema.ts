// The slice of Kraken's GraphQL schema the data-import flow needs: the
// obtainKrakenToken mutation, named and shaped as Kraken publishes it.
import { GraphQLScalarType, valueFromASTUntyped } from 'graphql'

export const schema = `
  "Any JSON value; Kraken uses it for the token's claims."
  scalar GenericScalar

  input ObtainJSONWebTokenInput {
    APIKey: String
    organizationSecretKey: String
    refreshToken: String
    email: String
    password: String
  }

  type ObtainKrakenJSONWebToken {
    token: String!
    payload: GenericScalar
    refreshToken: String
    "When the refresh token expires, as a Unix time in seconds."
    refreshExpiresIn: Int
  }

  type Query {
    "The mock's version; not part of Kraken's schema."
    mockVersion: String
  }

  type Mutation {
    obtainKrakenToken(input: ObtainJSONWebTokenInput!): ObtainKrakenJSONWebToken
  }
`

export const GenericScalar = new GraphQLScalarType({
  name: 'GenericScalar',
  serialize: value => value,
  parseValue: value => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables)
})
