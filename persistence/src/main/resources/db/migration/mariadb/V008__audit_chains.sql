-- One audit chain per Arca node (docs/ACCESS.md, "The audit log"; docs/SCALING.md). With one chain,
-- every node's appends contend for its head, which Galera certification refuses on all but one.
-- Each node now extends its own chain, named by its node id, with its own seq from 1 and its own
-- head. The records written before this script keep their seq and hashes as the chain 'legacy',
-- which no node extends. A checkpoint belongs to one chain and records the heads of the other
-- chains it saw ('seen', "chain@seq:hash" separated by spaces), which links the chains together.
ALTER TABLE audit_log
  ADD COLUMN chain VARCHAR(64) NOT NULL DEFAULT 'legacy' FIRST,
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (chain, seq);

ALTER TABLE audit_checkpoints
  ADD COLUMN chain VARCHAR(64) NOT NULL DEFAULT 'legacy' FIRST,
  ADD COLUMN seen TEXT NOT NULL DEFAULT '',
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (chain, seq);
