project = 'Hostile <Course> & "Co"'
extensions = ["sphinx_interrogations_lms"]
language = "en"
interrogations_course = "Test 202"
interrogations_responder = "Prof. Example"
interrogations_lms_description = "Questions & answers <for> testing."
interrogations_lms_licence = "CC BY-SA 4.0"
interrogations_allow_raw = True  # exercises the packages' own removal of scripts
