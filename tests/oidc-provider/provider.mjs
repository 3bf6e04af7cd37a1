// A real OpenID Connect provider for the council single sign-on tests (docs/decisions/0018-council-single-sign-on.md).
// The tests start it on 127.0.0.1 and stop it afterwards; it is oidc-provider (a certified OpenID provider) with
// its own development sign-in pages, which accept any login name: that name picks the person from the accounts file.
//
//   node provider.mjs --port 5123 --client-id register --client-secret s3cret \
//        --redirect-uri http://127.0.0.1:5000/signin-oidc --accounts accounts.json
//
// accounts.json: { "<login>": { "email": "...", "email_verified": true, "name": "...", "groups": ["<group id>", ...] } }
// It is read again at every sign-in, so a test can move a person between groups between two sign-ins.
// Prints "listening <issuer>" once it answers.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Provider from 'oidc-provider';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
    'redirect-uri': { type: 'string' },
    accounts: { type: 'string' },
  },
});
for (const name of ['port', 'client-id', 'client-secret', 'redirect-uri', 'accounts'])
  if (!args[name]) { console.error(`missing --${name}`); process.exit(2); }

const issuer = `http://127.0.0.1:${args.port}`;
const people = () => JSON.parse(readFileSync(args.accounts, 'utf8'));

const provider = new Provider(issuer, {
  clients: [{
    client_id: args['client-id'],
    client_secret: args['client-secret'],
    redirect_uris: [args['redirect-uri']],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    // ASP.NET Core's OpenID Connect handler sends the secret in the form body.
    token_endpoint_auth_method: 'client_secret_post',
  }],
  // Microsoft Entra ID puts "groups" in the ID token with no scope of its own; released here with "profile".
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'preferred_username', 'groups'],
  },
  // Like Entra ID, put the claims in the ID token itself (the app does not call the userinfo endpoint).
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  cookies: { keys: ['test-only-cookie-key'] },
  async findAccount(ctx, id) {
    const person = people()[id];
    if (!person) return undefined;
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          email: person.email,
          email_verified: person.email_verified ?? true,
          name: person.name,
          preferred_username: person.email,
          groups: person.groups ?? [],
        };
      },
    };
  },
});

provider.listen(Number(args.port), '127.0.0.1', () => console.log(`listening ${issuer}`));
