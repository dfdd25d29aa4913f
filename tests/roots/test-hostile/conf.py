# Hostile text everywhere the packages carry text; three clean weeks otherwise (no warnings).
project = 'Hostile ]]> <Archive> & "Co"'
extensions = ["sphinx_interrogations_lms"]
language = "en"
smartquotes = False  # titles read back exactly as written
interrogations_course = 'Soc & <Sci> ]]> "929"'
interrogations_responder = 'Prof. <Q> & "A" ]]>'
interrogations_lms_description = 'About ]]> & <b>bold</b> "quoted"'
interrogations_lms_licence = "CC BY 4.0"
interrogations_lms_discussions = True
# Trusted raw HTML reaches the web archive; the packages still keep semantic markup only.
interrogations_allow_raw = True
