"""The Exports menu: the partners' workbooks, export profiles and the export history."""
