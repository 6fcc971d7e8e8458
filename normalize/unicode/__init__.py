"""Facts about text that every stage may use and that use no stage: Unicode scripts and the
languages they leave (:mod:`.scripts`), how plausible a reading is as text (:mod:`.plausibility`),
the encodings text is misread in (:mod:`.charsets`), words and sentence ends (:mod:`.words`).
"""
