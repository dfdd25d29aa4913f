project = "Cite Seminar"
extensions = ["sphinx_interrogations"]
interrogations_course = "Sociology 929 & Friends"
interrogations_responder = "EOW"
html_baseurl = "https://example.org/soc929/"
