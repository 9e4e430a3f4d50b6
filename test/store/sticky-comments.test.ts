import { describe, expect, it } from 'vitest';
import { forgetStickyComment, rememberStickyComment, stickyCommentOf } from '../../src/store/sticky-comments.js';
import { BACKENDS, storePerTest } from '../helpers/stores.js';

describe.each(BACKENDS)('sticky comments on $name', (backend) => {
  const store = storePerTest(backend);

  it('remembers one comment per ticket, what it last said, and forgets it', async () => {
    expect(await stickyCommentOf(store(), 'SHOP-1')).toBeUndefined();
    await rememberStickyComment(store(), 'SHOP-1', { commentId: '10', bodyHash: 'a', passing: false }, 1_000);
    await rememberStickyComment(store(), 'SHOP-1', { commentId: '10', bodyHash: 'b', passing: true }, 2_000);
    await rememberStickyComment(store(), 'SHOP-2', { commentId: '11', bodyHash: 'c', passing: false }, 2_000);
    expect(await stickyCommentOf(store(), 'SHOP-1')).toEqual({ commentId: '10', bodyHash: 'b', passing: true });
    expect(await store().db.selectFrom('sticky_comments').select(['ticket_key', 'updated_at']).where('ticket_key', '=', 'SHOP-1').execute()).toEqual([{ ticket_key: 'SHOP-1', updated_at: 2_000 }]);
    await forgetStickyComment(store(), 'SHOP-1');
    expect(await stickyCommentOf(store(), 'SHOP-1')).toBeUndefined();
    expect(await stickyCommentOf(store(), 'SHOP-2')).toEqual({ commentId: '11', bodyHash: 'c', passing: false });
  });
});
