import { Command } from '@nestjs/cqrs';

/**
 * A WhatsApp user's reply (a text or a quick-reply button's text) reached one of the workspace's numbers:
 * if it is one of the workspace's keywords, the workspace's contact with that phone opts out (or back in).
 * Answers what changed, if anything. Only the workspace whose channel received (and signed) the reply is touched.
 */
export class ApplyInboundReplyCommand extends Command<{ contactId: string; optedOut: boolean } | null> {
  constructor(
    readonly workspaceId: string,
    /** E.164. */
    readonly phone: string,
    readonly text: string,
    readonly at: Date,
  ) {
    super();
  }
}
