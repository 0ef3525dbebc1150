/**
 * Set up before each suite of jest's "resolvers alone" project (jest.config.js): a server a test
 * starts without choosing answers every query with resolvers, none compiled to one statement.
 */
process.env['COMPILED_READS'] = 'false';
