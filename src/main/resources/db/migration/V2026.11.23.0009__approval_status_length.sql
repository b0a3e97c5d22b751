-- approval.status must hold PROPOSED_OTHER_WINDOW (21 characters); 0007 made it 20.
ALTER TABLE approval ${alterColumn} status VARCHAR(30) NOT NULL;
