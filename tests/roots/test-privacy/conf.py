project = "Privacy Seminar"
author = "Prof. Example, with Anne-Marie Ng"
extensions = ["sphinx_interrogations_lms"]
interrogations_course = "Test 101"
interrogations_responder = "Prof. Example"
interrogations_roster = "roster.csv"
interrogations_lms_description = "Questions by José Núñez and classmates."
html_title = "Seminar notes, with thanks to José Núñez"
