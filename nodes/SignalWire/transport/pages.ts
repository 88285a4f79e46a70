import type { IDataObject } from 'n8n-workflow';

import { linkPaging } from '../../shared/transport/pagination';

/**
 * SignalWire's Relay REST, Fabric and Video lists link to their next page (`links.next`):
 * relative or absolute (UNVERIFIED which one SignalWire sends; both work), followed only on the
 * space's own origin.
 */
export const linkedPaging = linkPaging(
	(answer) => answer.data,
	(answer) => (answer.links as IDataObject | undefined)?.next,
);

export const RELAY_REST = '/api/relay/rest';
