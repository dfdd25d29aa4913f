project = "Hostile Seminar"
author = "Prof. Example"
extensions = ["sphinx_interrogations_lms"]
interrogations_course = "Test 102"
interrogations_responder = "Prof. Example"
interrogations_roster = "roster.csv"
