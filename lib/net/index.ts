// The outgoing-request guard (contract 4 in the team notes): every request the server makes to an
// address it did not choose itself goes through guardedFetch; URLs are checked with checkDestination
// when they are registered.
export { fetcherFor, guardedFetch, type Fetcher, type GuardedFetchOptions, type GuardedRequestInit } from './guarded-fetch';
export { checkDestination, guardedLookup, type OutboundPurpose } from './destination';
export { OutboundError, isOutboundError, type OutboundReason } from './outbound-error';
export { parseNetworks, type Network } from './networks';
export { classifyAddress, type AddressClass } from './address';
