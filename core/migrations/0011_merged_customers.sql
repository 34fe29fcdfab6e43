-- Two customers who are one person can be merged: the one merged away keeps
-- its row (the history about it is never changed) and says where it went.
ALTER TABLE customers ADD COLUMN merged_into INTEGER REFERENCES customers (id);
