/** Query handlers over recipient rows, for Analytics and the recipient views. */
import type { Provider } from '@nestjs/common';

export const DISPATCH_QUERY_HANDLERS: Provider[] = [];
