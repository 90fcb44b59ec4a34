-- A second version, for the runner's tests.
CREATE TABLE extra (x INTEGER);
