// The daily follow-up board (Sawa QP-14, R-FLOW-3): every day the customer-service manager closes
// what is solved and the customer knows, and sends what is still unsolved in the contact centre to
// the specialised department. Two lists, selection, bulk actions, and the result for each case.
import { Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListItem } from '../../api/types.ts';
import { OPEN_STATUSES } from '../../features/cases/lifecycle.ts';
import { useSession } from '../../features/session/SessionContext.tsx';
import { useFormatters } from '../../i18n/format.ts';
import { DateTime } from '../../ui/DateTime.tsx';
import { IconCheck, IconTransfer } from '../../ui/icons.tsx';
import { Data } from '../../ui/UserText.tsx';
import { BoardColumn } from './board/BoardColumn.tsx';
import { CloseDialog, TransferDialog } from './board/BulkDialogs.tsx';
import { BulkResults, type CaseOutcome } from './board/BulkResults.tsx';
import { SlaStateBadge } from './board/SlaStateBadge.tsx';
import { BOARD_POLL_MS, type BulkAction, useAllCases, useBulkAction } from './manager-api.ts';
import { PageFrame } from './PageFrame.tsx';

export function FollowUpPage() {
  const { t } = useTranslation();
  return (
    <PageFrame
      title={t('manager.board.title')}
      hint={t('manager.board.hint')}
      needs="cases:close"
      aside={
        <Text size="xs" c="dimmed">
          {t('manager.board.liveEvery', { count: BOARD_POLL_MS / 1000 })}
        </Text>
      }
    >
      <Board />
    </PageFrame>
  );
}

function useSelection(items: CaseListItem[] | undefined) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  // cases that left the list (closed elsewhere, transferred) drop out of the selection
  const present = useMemo(() => {
    const ids = new Set(items?.map((c) => c.id));
    return new Set([...chosen].filter((id) => ids.has(id)));
  }, [chosen, items]);
  const toggle = (ids: string[], on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  return [present, toggle, () => setChosen(new Set())] as const;
}

function Board() {
  const { t } = useTranslation();
  const { org } = useSession();
  const f = useFormatters(org.timezone);
  const contactCentre = org.departments.filter((d) => d.active && d.kind === 'contact_centre');
  const ready = useAllCases('ready', [{ status: 'response_communicated' }]);
  const open = useAllCases(
    'open',
    contactCentre.map((d) => ({ department: d.code, status: OPEN_STATUSES.join(',') })),
    contactCentre.length > 0,
  );
  // answered longest ago first: they have waited longest for the follow-up
  const readyItems = useMemo(
    () =>
      ready.data?.items
        .slice()
        .sort((a, b) => (a.responseCommunicatedAt ?? '').localeCompare(b.responseCommunicatedAt ?? '')),
    [ready.data],
  );
  const [readySel, toggleReady, clearReady] = useSelection(readyItems);
  const [openSel, toggleOpen, clearOpen] = useSelection(open.data?.items);
  const [dialog, setDialog] = useState<BulkAction | null>(null);
  const [outcome, setOutcome] = useState<{ seq: number; action: BulkAction; items: CaseOutcome[] } | null>(
    null,
  );
  const bulk = useBulkAction();
  const now = Date.now();

  const run = (action: BulkAction, ids: string[], extra: { department?: string; reason?: string } = {}) => {
    const all = [...(ready.data?.items ?? []), ...(open.data?.items ?? [])];
    const numberOf = new Map(all.map((c) => [c.id, c.number]));
    bulk.mutate(
      { ids, action, ...extra },
      {
        onSuccess: ({ results }) => {
          // a new panel each time, so focus moves to it again even for the same cases
          setOutcome((prev) => ({
            seq: (prev?.seq ?? 0) + 1,
            action,
            items: results.map((r) => ({
              id: r.id,
              number: numberOf.get(r.id) ?? r.id,
              ok: r.ok,
              status: r.ok ? r.status : undefined,
              code: r.ok ? undefined : r.code,
            })),
          }));
          setDialog(null);
          if (action === 'close') clearReady();
          else clearOpen();
        },
      },
    );
  };

  const openDialog = (action: BulkAction) => {
    bulk.reset();
    setDialog(action);
  };

  return (
    <Stack gap="md">
      {outcome && (
        <BulkResults
          key={outcome.seq}
          action={outcome.action}
          outcomes={outcome.items}
          onDismiss={() => setOutcome(null)}
        />
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <BoardColumn
          id="ready"
          title={t('manager.board.readyTitle')}
          hint={t('manager.board.readyHint')}
          emptyText={t('manager.board.readyEmpty')}
          items={readyItems}
          pending={ready.isPending}
          error={ready.error}
          onRetry={() => ready.refetch()}
          capped={ready.data?.capped}
          selected={readySel}
          onSelect={toggleReady}
          actions={
            <Button
              size="xs"
              leftSection={<IconCheck size={16} />}
              disabled={readySel.size === 0}
              onClick={() => openDialog('close')}
            >
              {readySel.size
                ? t('manager.board.closeSelected', { count: readySel.size })
                : t('manager.board.closeNone')}
            </Button>
          }
          aside={(c) => (
            <>
              {c.responseCommunicatedAt && (
                <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                  {t('manager.board.answered')} <DateTime iso={c.responseCommunicatedAt} format="compact" />
                </Text>
              )}
              <Text size="xs" c="dimmed">
                <Data>{c.owner.displayName}</Data>
              </Text>
            </>
          )}
        />
        <BoardColumn
          id="open"
          title={t('manager.board.openTitle')}
          hint={t('manager.board.openHint')}
          emptyText={contactCentre.length ? t('manager.board.openEmpty') : t('manager.board.noContactCentre')}
          items={contactCentre.length ? open.data?.items : []}
          pending={contactCentre.length > 0 && open.isPending}
          error={open.error}
          onRetry={() => open.refetch()}
          capped={open.data?.capped}
          selected={openSel}
          onSelect={toggleOpen}
          showStatus
          actions={
            <Button
              size="xs"
              leftSection={<IconTransfer size={16} />}
              disabled={openSel.size === 0}
              onClick={() => openDialog('transfer')}
            >
              {openSel.size
                ? t('manager.board.transferSelected', { count: openSel.size })
                : t('manager.board.transferNone')}
            </Button>
          }
          aside={(c) => (
            <>
              <Text
                size="xs"
                style={{ whiteSpace: 'nowrap' }}
                title={t('manager.board.registeredAt', { at: f.dateTime(c.createdAt) })}
              >
                {t('manager.board.waiting', { age: f.duration(now - Date.parse(c.createdAt)) })}
              </Text>
              <SlaStateBadge sla={c.sla} />
            </>
          )}
        />
      </SimpleGrid>
      {dialog === 'close' && (
        <CloseDialog
          count={readySel.size}
          pending={bulk.isPending}
          error={bulk.error}
          onClose={() => setDialog(null)}
          onConfirm={() => run('close', [...readySel])}
        />
      )}
      {dialog === 'transfer' && (
        <TransferDialog
          count={openSel.size}
          pending={bulk.isPending}
          error={bulk.error}
          onClose={() => setDialog(null)}
          onConfirm={(department, reason) => run('transfer', [...openSel], { department, reason })}
        />
      )}
    </Stack>
  );
}
