-- Fails halfway: the first statement must be rolled back with the rest.
CREATE TABLE half_done (x INTEGER);
INSERT INTO no_such_table VALUES (1);
