-- Notifications are marked read through the API and the bell by a public id (database ids never leave the server).
-- Nothing wrote notifications before this version, so the table is empty and the column can be required at once.
ALTER TABLE notification ADD public_id CHAR(36) NOT NULL;
ALTER TABLE notification ADD CONSTRAINT uk_notification_public UNIQUE (public_id);
