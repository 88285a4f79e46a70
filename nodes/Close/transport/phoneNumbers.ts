import { offsetPaging } from '../../shared/transport/pagination';

/** Close's largest page. */
export const CLOSE_PAGE_SIZE = 100;

/** The phone number list. */
export const PHONE_NUMBER_LIST = '/phone_number/';

/** Close's lists: `_skip` / `_limit`, and `has_more` while the list goes on. */
export const closePaging = offsetPaging({ offset: '_skip', limit: '_limit', pageSize: CLOSE_PAGE_SIZE }, (answer) => answer.data, (answer) => Boolean(answer.has_more));
