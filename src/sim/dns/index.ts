/** Cluster DNS as a pure function of Services and EndpointSlices. */
export { resolve, reverseLookup } from './resolver';
export type { DnsAnswer, DnsOptions, RecordType, SrvRecord } from './resolver';
export { candidateNames, searchDomains, NDOTS } from './names';
