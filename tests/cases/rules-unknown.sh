# `profilec rules RULE` with a rule id that does not exist: a typo names the
# nearest rule (as an enumeration's fix-it does), whatever its case; an id
# close to none names none.
run rules unknown-rf
run rules Penalty-Range
run rules nope
run rules penalty-range | head -1
