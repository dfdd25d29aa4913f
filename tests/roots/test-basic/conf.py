project = "Test Seminar"
extensions = ["sphinx_interrogations"]
interrogations_course = "Test 101"
interrogations_responder = "Prof. Example"
