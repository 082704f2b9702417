from chancery.cli.main import main

main()
