project = "Sociology 929: Interrogations"
extensions = ["sphinx_interrogations_lms"]
language = "en"
interrogations_course = "Sociology 929"
interrogations_responder = "EOW"
interrogations_lms_description = "Two offerings of one seminar."
